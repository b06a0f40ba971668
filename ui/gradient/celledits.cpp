#include "ui/gradient/celledits.h"

#include "core/cell/parser.h"
#include "ui/common/numberformat.h"

#include <cmath>

namespace ui {

namespace {

bool isVariableCall(const core::cell::Node &value)
{
    using core::cell::NodeKind;
    if (value.kind != NodeKind::Call || value.children.empty()) return false;
    const core::cell::Node &fn = *value.children[0];
    return fn.kind == NodeKind::Attribute && fn.text == "Variable";
}

} // namespace

std::optional<QString> withAssignment(const QString &cell, const QString &name,
                                      const QString &valueText)
{
    core::cell::Program program;
    try {
        program = core::cell::parseCell(cell.toStdString());
    } catch (const std::exception &) {
        return std::nullopt;
    }
    const auto &statements = program.statements;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const core::cell::Statement &s = statements[i];
        if (s.kind != core::cell::StatementKind::Assign || s.targets.size() != 1 ||
            s.targets[0]->kind != core::cell::NodeKind::Name ||
            s.targets[0]->text != name.toStdString() || s.column != 1)
            continue;
        QStringList lines = cell.split(QLatin1Char('\n'));
        const int line = s.line - 1;
        // Only a one-line assignment is rewritten: the next statement must start below it.
        const bool oneLine = i + 1 == statements.size()
                                 ? line == lines.size() - 1 || lines[line + 1].trimmed().isEmpty()
                                 : statements[i + 1].line == s.line + 1;
        if (line < 0 || line >= lines.size() || !oneLine) return std::nullopt;
        const QString value =
            isVariableCall(*s.value) ? QStringLiteral("tf.Variable(%1)").arg(valueText) : valueText;
        lines[line] = name + QStringLiteral(" = ") + value;
        return lines.join(QLatin1Char('\n'));
    }
    return std::nullopt;
}

QString pythonPair(double a, double b, int decimals)
{
    return QStringLiteral("[%1, %2]").arg(pythonNumber(a, decimals), pythonNumber(b, decimals));
}

std::optional<std::vector<double>> valuesOf(const CellRun &run, const QString &name)
{
    if (const auto number = run.numbers.find(name); number != run.numbers.end())
        return std::vector<double>{number->second};
    const auto it = run.arrays.find(name);
    if (it == run.arrays.end()) return std::nullopt;
    const core::Tensor &t = it->second;
    std::vector<double> out(static_cast<std::size_t>(t.size()));
    for (std::int64_t i = 0; i < t.size(); ++i)
        out[static_cast<std::size_t>(i)] = t.flatAt(i);
    return out;
}

std::optional<double> scalarOf(const CellRun &run, const QString &name)
{
    const auto values = valuesOf(run, name);
    if (!values || values->size() != 1) return std::nullopt;
    return values->front();
}

} // namespace ui
