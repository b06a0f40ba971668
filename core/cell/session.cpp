#include "core/cell/session.h"

#include "core/cell/parallel.h"

#include "core/cell/evaluator.h"
#include "core/cell/memorylimit.h"
#include "core/cell/parser.h"
#include "core/cell/pyerror.h"
#include "core/errors.h"

#include <new>
#include <random>

namespace core::cell {

Session::Session(ArrayResolver data)
    : m_data(std::move(data)), m_random(static_cast<std::uint32_t>(std::random_device{}()))
{}

CellResult Session::run(std::string_view cell)
{
    CellResult result;
    auto program = std::make_shared<Program>();
    try {
        *program = parseCell(cell);
    } catch (const SyntaxErrorAt &e) {
        result.error = CellError{e.type(), e.what(), e.line(), e.column()};
        return result;
    }
    MemoryBudget budget(m_memoryLimit);
    const InterruptScope interruptible(&m_interrupt);
    Context context{m_variables, m_data, m_random, result.output, program};
    Evaluator evaluator(context);
    auto fail = [&](std::string type, std::string message) {
        // The innermost statement, also inside a with block, as Python's traceback points.
        const Statement *current = evaluator.current();
        result.value.reset();
        result.valueRepr.clear();
        result.error = CellError{std::move(type), std::move(message), current ? current->line : 0,
                                 current ? current->column : 0};
    };
    try {
        for (const auto &s : program->statements) {
            detail::checkInterrupt();
            std::optional<Value> v = evaluator.execute(s);
            if (v && !v->isNone()) {
                result.value = std::move(v);
            } else {
                result.value.reset();
            }
        }
        if (result.value) result.valueRepr = repr(*result.value);
    } catch (const SyntaxErrorAt &e) {
        fail(e.type(), e.what());
    } catch (const PyError &e) {
        fail(e.type(), e.what());
    } catch (const core::IndexError &e) {
        fail("IndexError", e.what());
    } catch (const core::ValueError &e) {
        fail("ValueError", e.what());
    } catch (const core::NameError &e) {
        fail("NameError", e.what());
    } catch (const std::bad_alloc &) {
        fail("MemoryError", "");
    } catch (const std::exception &e) {
        fail("RuntimeError", e.what());
    }
    return result;
}

std::optional<Value> Session::variable(const std::string &name) const
{
    auto it = m_variables.find(name);
    if (it == m_variables.end()) return std::nullopt;
    return it->second;
}

void Session::setVariable(const std::string &name, Value value)
{
    m_variables[name] = std::move(value);
}

std::shared_ptr<const RecordedTape> Session::tape(const std::string &name) const
{
    const auto it = m_variables.find(name);
    if (it == m_variables.end() || it->second.kind() != ValueKind::Tape) return nullptr;
    return it->second.asTape();
}

void Session::clearVariables()
{
    m_variables.clear();
}

} // namespace core::cell
