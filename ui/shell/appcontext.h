#pragma once
// What every page shares: the loaded data set, the presentation mode, and the training of the
// book's MNIST network (the Train page drives it, the Hidden space page watches it).

#include <QObject>

namespace ui {

class DataStore;
class TrainSession;

class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(DataStore *data, QObject *parent = nullptr);

    DataStore *data() const { return m_data; }
    // The MNIST training session, made on first use and kept as long as the context.
    TrainSession *mnistTraining();
    // The same for the Train page that drives it: the first to ask gets it, a later one (a test's
    // second window on the same context) nullptr, and makes a session of its own.
    TrainSession *claimMnistTraining();

    // Presentation mode scales fonts and line widths for a projector.
    bool presentationMode() const { return m_presentation; }
    void setPresentationMode(bool on);
    // 1.0 normally, larger in presentation mode; custom-drawn views multiply line widths by it.
    double scale() const { return m_presentation ? kPresentationScale : 1.0; }

    static constexpr double kPresentationScale = 1.5;

signals:
    void presentationModeChanged(bool on);
    // A page asks for the MNIST page with batch index of size digits sliced out.
    void mnistBatchRequested(int size, int index);
    // A page links to another page by its id ("geometry").
    void pageRequested(const QString &id);

private:
    DataStore *m_data;
    TrainSession *m_mnistTraining = nullptr;
    bool m_mnistTrainingClaimed = false;
    bool m_presentation = false;
};

} // namespace ui
