#pragma once
// The MNIST page (sections 2.1-2.2 of the book): the four arrays and their attributes, a grid of
// every digit, one digit large, NumPy slicing with a live result, batches, and the preprocessing.
// Layout and wiring only; the pieces live in their own files.

#include "ui/shell/page.h"

#include <QString>
#include <optional>

class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QScrollArea;
class QSlider;
class QStackedWidget;
class QTimer;

namespace ui {

class BatchPanel;
class DigitDelegate;
class DigitGridModel;
class DigitView;
class FlattenStrip;
class SliceEditor;
class SliceState;
struct CropRect;

class MnistPage : public Page {
    Q_OBJECT
public:
    explicit MnistPage(AppContext *context, QWidget *parent = nullptr);

    SliceState *sliceState() const { return m_state; }
    SliceEditor *sliceEditor() const { return m_editor; }
    DigitGridModel *gridModel() const { return m_model; }
    QListView *gridView() const { return m_grid; }
    DigitView *digitView() const { return m_digit; }
    BatchPanel *batchPanel() const { return m_batches; }
    FlattenStrip *flattenStrip() const { return m_strip; }
    QComboBox *labelFilter() const { return m_labelFilter; }
    QComboBox *setSelector() const { return m_set; }
    QString attributesText() const;
    QString gridSummary() const;

    // Slices batch index of size digits out of the current set, as the batch panel does.
    void showBatch(int size, int index);
    // Shows result image i large (the grid's selection follows).
    void selectResult(int i);
    int selectedResult() const { return m_selected; }
    // The large digit as a picture (File > Export PNG).
    QImage exportImage() override;
    // The current slice as a grid picture.
    QImage sliceImage() const;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildMain();
    QWidget *buildSide();
    void onDataChanged();
    void onStateChanged();
    void onCropEdited(const CropRect &crop);
    void onBatchRequested();
    void onSetChosen(int index);
    void onGridClicked(const QModelIndex &index);
    void showSelected();
    void updateCode();
    void applyScale();
    void fitSide();
    void saveDigitPng();
    void saveSlicePng();

    SliceState *m_state;
    DigitGridModel *m_model;
    DigitDelegate *m_delegate;
    SliceEditor *m_editor = nullptr;
    QListView *m_grid = nullptr;
    QStackedWidget *m_resultStack = nullptr;
    QPlainTextEdit *m_values = nullptr;
    QLabel *m_summary = nullptr;
    DigitView *m_digit = nullptr;
    FlattenStrip *m_strip = nullptr;
    BatchPanel *m_batches = nullptr;
    QComboBox *m_set = nullptr;
    QComboBox *m_labelFilter = nullptr;
    QSlider *m_thumbSize = nullptr;
    QPlainTextEdit *m_attributes = nullptr;
    QScrollArea *m_sideScroll = nullptr;
    QTimer *m_cropTimer;
    QString m_pendingCrop;
    int m_selected = 0;
    std::optional<qint64> m_selectedSource;
    bool m_batchMode = false;
};

} // namespace ui
