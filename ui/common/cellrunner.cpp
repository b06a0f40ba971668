#include "ui/common/cellrunner.h"

#include "core/cell/parser.h"

#include <QElapsedTimer>
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
    m_session.interrupt(); // a long product stops at its next chunk instead of holding up exit
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

void CellRunner::setWatched(const QStringList &names)
{
    std::lock_guard lock(m_mutex);
    m_watched = names;
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

namespace {

// The cell as the engine parses it (no statements when it does not parse).
core::cell::Program parsed(const QString &cell)
{
    try {
        return core::cell::parseCell(cell.toStdString());
    } catch (const std::exception &) {
        return {};
    }
}

// The names a target binds: x in "x = ...", a and b in "(a, b), c = ...".
void boundNames(const core::cell::Node &target, QStringList &names)
{
    using core::cell::NodeKind;
    if (target.kind == NodeKind::Name) names << QString::fromStdString(target.text);
    if (target.kind == NodeKind::Tuple || target.kind == NodeKind::List)
        for (const auto &item : target.children)
            if (item) boundNames(*item, names);
    // x[0, 0] = -1 changes x.
    if (target.kind == NodeKind::Subscript && target.children[0]->kind == NodeKind::Name)
        names << QString::fromStdString(target.children[0]->text);
}

// The names statements bind, in order, inside `with` blocks too (the tape's name first).
void boundNames(const std::vector<core::cell::Statement> &statements, QStringList &names)
{
    for (const core::cell::Statement &s : statements) {
        if (s.kind == core::cell::StatementKind::Assign)
            for (const auto &target : s.targets)
                boundNames(*target, names);
        if (s.kind == core::cell::StatementKind::With) {
            if (!s.bound.empty()) names << QString::fromStdString(s.bound);
            boundNames(s.body, names);
        }
    }
}

} // namespace

QStringList CellRunner::assignedNames(const QString &cell)
{
    QStringList names;
    boundNames(parsed(cell).statements, names);
    return names;
}

QString CellRunner::lastAssignedName(const QString &cell)
{
    const QStringList names = assignedNames(cell);
    return names.isEmpty() ? QString() : names.last();
}

QString CellRunner::lastExpressionName(const QString &cell)
{
    const core::cell::Program program = parsed(cell);
    if (program.statements.empty()) return {};
    const core::cell::Statement &last = program.statements.back();
    return last.kind == core::cell::StatementKind::Expression && last.value &&
                   last.value->kind == core::cell::NodeKind::Name
               ? QString::fromStdString(last.value->text)
               : QString();
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
        QStringList reported = assignedNames(cell);
        {
            std::lock_guard lock(m_mutex);
            reported += m_watched;
        }
        for (const QString &name : reported)
            if (auto tape = m_session.tape(name.toStdString())) run.tape = std::move(tape);
        for (const QString &name : reported) {
            const auto value = m_session.variable(name.toStdString());
            if (!value) continue;
            using core::cell::ValueKind;
            if (value->isArray())
                run.arrays[name] = value->asArray();
            else if (value->kind() == ValueKind::Int)
                run.numbers[name] = static_cast<double>(value->asInt());
            else if (value->kind() == ValueKind::Bool)
                run.numbers[name] = value->asBool() ? 1 : 0;
            else if (value->kind() == ValueKind::Float)
                run.numbers[name] = value->asFloat();
        }
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
