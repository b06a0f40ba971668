#include "core/nn/kerasprogress.h"

#include <algorithm>
#include <cmath>

namespace core::nn {

namespace {

constexpr int kBarWidth = 30;

std::string format(const char *fmt, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// keras.utils.Progbar._format_time
std::string timePerStep(double seconds)
{
    if (seconds >= 1 || seconds == 0) return format("%.0fs/step", seconds);
    if (seconds >= 1e-3) return format("%.0fms/step", seconds * 1e3);
    return format("%.0fus/step", seconds * 1e6);
}

std::string eta(double seconds)
{
    const long s = std::lround(std::floor(seconds));
    char buf[32];
    if (seconds > 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s % 3600) / 60, s % 60);
    else if (seconds > 60)
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", s);
    return buf;
}

} // namespace

std::string kerasProgressLine(int current, int target, double elapsedSeconds,
                              const Metrics &metrics, bool finished)
{
    const int digits = static_cast<int>(std::floor(std::log10(std::max(target, 1)))) + 1;
    char head[64];
    std::snprintf(head, sizeof head, "%*d/%d [", digits, current, target);
    std::string line = head;
    const double progress = target > 0 ? static_cast<double>(current) / target : 1.0;
    const int filled = static_cast<int>(kBarWidth * progress);
    if (filled > 0) {
        line.append(static_cast<std::size_t>(filled - 1), '=');
        line += current < target ? '>' : '=';
    }
    line.append(static_cast<std::size_t>(kBarWidth - filled), '.');
    line += ']';
    const double perStep = current > 0 ? elapsedSeconds / current : 0.0;
    if (finished)
        line += format(" - %.0fs ", elapsedSeconds) + timePerStep(perStep);
    else
        line += " - ETA: " + eta(perStep * (target - current));
    for (const auto &[name, value] : metrics)
        line += " - " + name + ": " +
                format(std::fabs(value) > 1e-3 || value == 0 ? "%.4f" : "%.4e", value);
    return line;
}

KerasProgress::KerasProgress(std::FILE *out, bool interactive)
    : m_out(out), m_interactive(interactive)
{}

void KerasProgress::start(int target)
{
    m_target = target;
    m_current = 0;
    m_lastDraw = -1.0;
    m_lastWidth = 0;
}

void KerasProgress::update(int current, double elapsedSeconds, const Metrics &metrics)
{
    m_current = current;
    if (!m_interactive || current >= m_target) return;
    if (m_lastDraw >= 0 && elapsedSeconds - m_lastDraw < 0.05) return;
    m_lastDraw = elapsedSeconds;
    draw(kerasProgressLine(current, m_target, elapsedSeconds, metrics, false), false);
}

void KerasProgress::finish(double elapsedSeconds, const Metrics &metrics)
{
    draw(kerasProgressLine(m_target, m_target, elapsedSeconds, metrics, true), true);
}

void KerasProgress::draw(const std::string &line, bool newline)
{
    std::string text = line;
    if (m_interactive) {
        // Overwrite what is left of a longer previous line, as Keras does.
        if (text.size() < m_lastWidth) text.append(m_lastWidth - text.size(), ' ');
        m_lastWidth = line.size();
        text.insert(0, "\r");
    }
    if (newline) text += '\n';
    std::fputs(text.c_str(), m_out);
    std::fflush(m_out);
}

} // namespace core::nn
