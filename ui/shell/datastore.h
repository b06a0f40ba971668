#pragma once
// The data set every page reads. It starts with the embedded sample (so the app works at once),
// then loads the full set from the data folder in a worker thread and swaps it in when ready.
// A folder that fails to load leaves the current data in place and reports why.

#include "ui/shell/dataloader.h"

#include <QObject>
#include <QString>
#include <QThread>

namespace ui {

class DataStore : public QObject {
    Q_OBJECT
public:
    explicit DataStore(QObject *parent = nullptr);
    ~DataStore() override;

    // Never null: the embedded sample until a folder has loaded.
    MnistSnapshot data() const { return m_data; }
    bool isLoading() const { return m_loading; }
    // Where the full set is looked for (--data-dir, UNCRUMPLE_DATA_DIR, or the XDG data folder).
    QString dataDir() const { return m_dir; }
    // One line for the status bar: which data set is loaded and how to get the full one, or, if
    // a folder failed, the reason with the file name only.
    QString statusText() const;
    // After a failed load: the whole reason with the folder; empty otherwise.
    QString statusDetails() const;
    // The embedded sample, parsed from the resources (throws only if the build is broken).
    static MnistSnapshot loadSample();

    // Loads dir in the background when it holds the four MNIST files; returns false (and emits
    // loadFailed) when it does not.
    bool loadDirectory(const QString &dir);

signals:
    void dataChanged();
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);
    void requestLoad(const QString &dir);

private:
    void onLoaded(ui::MnistSnapshot data, qint64 milliseconds);
    void onFailed(const QString &message);
    QString shortError() const;

    MnistSnapshot m_data;
    QString m_dir;
    QString m_lastError;
    bool m_loading = false;
    qint64 m_loadMs = -1;
    QThread m_thread;
};

} // namespace ui
