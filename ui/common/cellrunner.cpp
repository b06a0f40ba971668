#include "ui/common/cellrunner.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <algorithm>

namespace ui {

CellRunner::CellRunner(core::ArrayResolver data, QObject *parent)
    : QObject(parent), m_session(std::move(data))
{
    qRegisterMetaType<ui::CellRun>();
    // The notebook's first cell: the book's cells use np without importing it again.
    m_session.run("import numpy as np");
    m_thread = std::thread([this] { work(); });
}

CellRunner::~CellRunner()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CellRunner::run(const QString &cell, int slot)
{
    {
        std::lock_guard lock(m_mutex);
        const auto same = std::find_if(m_pending.begin(), m_pending.end(),
                                       [slot](const auto &p) { return p.first == slot; });
        if (same != m_pending.end())
            same->second = cell;
        else
            m_pending.emplace_back(slot, cell);
    }
    m_wake.notify_all();
}

void CellRunner::setData(core::ArrayResolver data)
{
    std::lock_guard lock(m_mutex);
    m_newData = std::move(data);
}

bool CellRunner::isBusy() const
{
    std::lock_guard lock(m_mutex);
    return m_running || !m_pending.empty();
}

QStringList CellRunner::assignedNames(const QString &cell)
{
    // A statement starting "name =" (not "=="), on its own line or after ';'.
    static const QRegularExpression assignment(
        QStringLiteral(R"((?:^|[;\n])\s*([A-Za-z_]\w*)\s*=(?!=))"));
    QStringList names;
    auto it = assignment.globalMatch(cell);
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

QString CellRunner::lastAssignedName(const QString &cell)
{
    const QStringList names = assignedNames(cell);
    return names.isEmpty() ? QString() : names.last();
}

QString CellRunner::lastExpressionName(const QString &cell)
{
    static const QRegularExpression separators(QStringLiteral("[;\n]"));
    const QStringList statements = cell.split(separators, Qt::SkipEmptyParts);
    for (auto it = statements.crbegin(); it != statements.crend(); ++it) {
        const QString s = it->trimmed();
        if (s.isEmpty() || s.startsWith(QLatin1Char('#'))) continue;
        static const QRegularExpression name(QStringLiteral(R"(^[A-Za-z_]\w*$)"));
        return name.match(s).hasMatch() ? s : QString();
    }
    return {};
}

void CellRunner::work()
{
    for (;;) {
        QString cell;
        int slot = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_pending.empty(); });
            if (m_stop) return;
            slot = m_pending.front().first;
            cell = m_pending.front().second;
            m_pending.pop_front();
            m_running = true;
            if (m_newData) {
                m_session.setData(std::move(*m_newData));
                m_newData.reset();
            }
        }
        CellRun run;
        run.cell = cell;
        run.slot = slot;
        QElapsedTimer clock;
        clock.start();
        run.result = m_session.run(cell.toStdString());
        run.seconds = clock.nsecsElapsed() / 1e9;
        for (const QString &name : assignedNames(cell))
            if (const auto value = m_session.variable(name.toStdString());
                value && value->isArray())
                run.arrays[name] = value->asArray();
        if (run.result.value && run.result.value->isArray()) {
            run.shown = run.result.value->asArray();
            run.shownName = lastExpressionName(cell);
        } else if (const QString name = lastAssignedName(cell); !name.isEmpty()) {
            const auto value = m_session.variable(name.toStdString());
            if (value && value->isArray()) {
                run.shown = value->asArray();
                run.shownName = name;
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_running = false;
        }
        QMetaObject::invokeMethod(
            this, [this, run = std::move(run)] { emit finished(run); }, Qt::QueuedConnection);
    }
}

} // namespace ui
