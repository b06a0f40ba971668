#pragma once
// The Train page (listings 2.1-2.7): the book's network, editable; training in a worker thread with
// live curves; predictions; evaluation with a confusion matrix; the first layer's weights as
// images; a digit to draw. Layout and wiring only: the pieces live in their own files, the
// training itself in TrainSession.

#include "ui/shell/page.h"
#include "ui/train/trainrecipe.h"
#include "ui/train/trainsnapshots.h"

#include <QString>
#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTimer;

namespace ui {

class ConfusionView;
class CurvePanel;
class FittingLabel;
class DigitList;
class DrawPanel;
class EvaluatePanel;
class PredictionGrid;
class RecipeEditor;
class TabTitles;
class TrainProgress;
class TrainSession;
class WeightGrid;
struct FileOutcome;

class TrainPage : public Page {
    Q_OBJECT
public:
    // The tabs' indices. In presentation mode the charts are a tab too, the last one (so the
    // others keep their indices), which gives each of them the whole area on a projector.
    enum Tab { WeightsTab, PredictionsTab, EvaluateTab, DrawTab, ChartsTab };

    explicit TrainPage(AppContext *context, QWidget *parent = nullptr);

    TrainSession *session() const { return m_session; }
    RecipeEditor *recipeEditor() const { return m_editor; }
    CurvePanel *curves() const { return m_curves; }
    WeightGrid *weights() const { return m_weights; }
    PredictionGrid *predictions() const { return m_predictions; }
    ConfusionView *confusion() const;
    DigitList *digitList() const;
    DrawPanel *drawPanel() const { return m_draw; }
    TrainProgress *progress() const { return m_progress; }
    QTabWidget *tabs() const { return m_tabs; }
    // Opens a tab; ChartsTab only where the charts are one (presentation mode), else they are
    // always in view and nothing changes.
    void showTab(Tab tab);
    using Page::showTab; // the command line's by-name form stays reachable
    bool chartsAreATab() const;
    QPushButton *trainButton() const { return m_train; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *evaluateButton() const { return m_evaluate; }
    QString evaluationText() const;
    QString cellCaption() const;
    // The charts, weights, predictions and evaluation shown are of a model trained (or loaded)
    // with another recipe than the editor's: they are marked as the previous model's.
    bool showsPreviousModel() const;
    QString previousModelNote() const;

    // File actions without dialogs (the buttons ask for the path, then call these). Each shows
    // its outcome in place and returns whether it worked; nothing is lost on failure.
    bool saveModelTo(const QString &path);
    bool loadModelFrom(const QString &path);
    bool exportHistoryCsv(const QString &path);
    bool exportChartsPng(const QString &path);

    // Sets the recipe's epochs and starts training (for --train-epochs); false if the recipe or
    // the state does not allow it.
    bool trainEpochs(int epochs);
    // Puts test digit index on the Draw tab's canvas, as if drawn. The open tab stays: whoever
    // asks (the Draw tab's own button, --train-draw) shows the tab it wants.
    void drawTestDigit(int index);

    // The curves and the open tab, for File > Export PNG.
    QImage exportImage() override;
    void activated() override;

signals:
    // Training and the evaluation after it are over (for --screenshot after --train-epochs).
    void settled();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildMain();
    QWidget *buildSide();
    QWidget *buildPredictionsTab();
    void onTrain();
    void onPauseResume();
    void onRecipeChanged();
    void onStateChanged();
    void onStarted();
    void onProgressed();
    void onEpochEnded(const core::nn::EpochSummary &summary);
    void onModelChanged();
    void onFinished(const ui::TrainOutcome &outcome);
    void onEvaluation();
    void onFailed(const QString &message);
    void onDataChanged();
    void onTestDigitRequested();
    void refreshCurves();
    void updateButtons();
    void updateCode();
    void updatePreviousModel();
    void applyScale();
    void setChartsInTab(bool inTab);
    // Short tab titles when the long ones would not fit the bar (which never scrolls).
    void askSaveModel();
    void askLoadModel();
    void askExportCsv();
    void askExportPng();
    // Shows a file action's outcome in place; returns whether it worked.
    bool report(const FileOutcome &outcome);

    TrainSession *m_session;
    RecipeEditor *m_editor = nullptr;
    TrainProgress *m_progress = nullptr;
    FittingLabel *m_previous = nullptr;      // "the previous model's", over the charts and the tabs
    std::optional<RecipeInput> m_modelInput; // the recipe the shown model was trained with
    CurvePanel *m_curves = nullptr;
    QTabWidget *m_tabs = nullptr;
    TabTitles *m_tabTitles = nullptr;
    QSplitter *m_split = nullptr;
    WeightGrid *m_weights = nullptr;
    PredictionGrid *m_predictions = nullptr;
    QSpinBox *m_predictionFirst = nullptr;
    EvaluatePanel *m_evaluation = nullptr;
    DrawPanel *m_draw = nullptr;
    QPushButton *m_train = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_evaluate = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPng = nullptr;
    QTimer *m_refresh;              // redraws the live charts while batches arrive
    bool m_progressPending = false; // batches arrived since the last redraw
    QString m_progressLine;         // the last finished epoch, for the code panel
    bool m_dataPending = false;
    std::size_t m_predictedEpochs = 0;
    int m_nextTestDigit = 0; // "Put a test digit" walks through the test set
    bool m_ownRun = false;   // the run starting is this page's (else the Hidden page's)
};

} // namespace ui
