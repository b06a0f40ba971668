#pragma once
// Runs the cells of a page's live code on a worker thread, so that a cell that allocates a
// gigabyte or multiplies large matrices never freezes the window. One notebook
// (core::cell::Session) per runner, which has already run `import numpy as np`; cells run one at a
// time in order. Each cell comes from a slot (a page's tab): a cell typed while another runs
// replaces the cell still waiting from the same slot, so the window always ends up showing the
// latest text's result.

#include "core/cell/session.h"
#include "core/cell/tape.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace ui {

struct CellRun {
    QString cell;
    int slot = 0;
    core::cell::CellResult result;
    // The array the page draws: the last expression's value when it is an array, else the array
    // the cell assigned last (x in "x = np.array(...); x.ndim"), with its name ("" if unnamed).
    std::optional<core::Tensor> shown;
    QString shownName;
    // Every array the cell assigned (or changed an element of) and every watched name that holds
    // an array, by name, as they are after the cell ("x", "y", "z").
    std::map<QString, core::Tensor> arrays;
    // The same for Python's numbers (int, float, bool): learning_rate = 0.1.
    std::map<QString, double> numbers;
    // The GradientTape the cell recorded last (named in a `with tf.GradientTape() as NAME:`), to
    // differentiate its block again at other values; null when the cell recorded none.
    std::shared_ptr<const core::cell::RecordedTape> tape;
    double seconds = 0;
};

class CellRunner : public QObject {
    Q_OBJECT
public:
    explicit CellRunner(core::ArrayResolver data = {}, QObject *parent = nullptr);
    ~CellRunner() override; // interrupts a running cell and waits for it to stop

    void run(const QString &cell, int slot = 0);
    // The arrays cells may name without defining them, from the next cell on.
    void setData(core::ArrayResolver data);
    // Names whose arrays every run reports, assigned by the cell or not (a tab draws x and y).
    void setWatched(const QStringList &names);
    bool isBusy() const;

    // The names the cell assigns, in order ("x" in "x = 1\nx.ndim"), as the engine parses it.
    static QStringList assignedNames(const QString &cell);
    static QString lastAssignedName(const QString &cell);
    // The name the cell ends on ("x" in "x = 1\nx"), or "" when it ends on anything else.
    static QString lastExpressionName(const QString &cell);

signals:
    void finished(const ui::CellRun &run);

private:
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    core::cell::Session m_session; // touched by the worker only, or under m_mutex when it idles
    std::deque<std::pair<int, QString>> m_pending; // (slot, cell), oldest first
    std::optional<core::ArrayResolver> m_newData;
    QStringList m_watched;
    bool m_running = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::CellRun)
