#include "core/manifold/csvexport.h"

#include "core/errors.h"
#include "core/manifold/layerstack.h"
#include "core/nn/atomicfile.h"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace core::manifold {

namespace {

void appendFloat(std::string &s, float v)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v); // shortest round trip
    s.append(buffer, r.ptr);
}

void write(const std::filesystem::path &path, const std::string &text)
{
    nn::writeFileAtomically(path, {reinterpret_cast<const std::byte *>(text.data()), text.size()});
}

std::string table(const nn::Matrix &m, const std::string &header,
                  const std::vector<std::int32_t> *labels)
{
    std::string s = header + "\n";
    s.reserve(static_cast<std::size_t>(m.rows() * (m.cols() + 1) * 12));
    for (std::int64_t i = 0; i < m.rows(); ++i) {
        for (std::int64_t j = 0; j < m.cols(); ++j) {
            if (j) s += ',';
            appendFloat(s, m(i, j));
        }
        if (labels) s += "," + std::to_string((*labels)[static_cast<std::size_t>(i)]);
        s += '\n';
    }
    return s;
}

} // namespace

std::vector<std::string> exportCsv(const std::string &dir, const LabeledPoints &data,
                                   const LayerStack &stack)
{
    if (stack.points() != data.size())
        throw ValueError("the layer stack has " + std::to_string(stack.points()) +
                         " points, the data " + std::to_string(data.size()));
    const std::filesystem::path folder(dir);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec || !std::filesystem::is_directory(folder))
        throw FormatError("cannot create the folder " + dir + ": " +
                          (ec ? ec.message() : std::string("a file of that name exists")));
    std::vector<std::string> written;
    static const char *const kAxes[] = {"x", "y", "z"};
    std::string header;
    for (int j = 0; j < data.dims(); ++j)
        header += std::string(j < 3 ? kAxes[j] : "x" + std::to_string(j + 1)) + ",";
    header += "label";
    const auto dataPath = folder / "data.csv";
    write(dataPath, table(data.points, header, &data.labels));
    written.push_back(dataPath.string());
    for (int l = 1; l <= stack.layers(); ++l) {
        const nn::Matrix &out = stack.stage(l);
        std::string h;
        for (std::int64_t j = 0; j < out.cols(); ++j)
            h += (j ? ",h" : "h") + std::to_string(j + 1);
        const auto path = folder / ("layer_" + std::to_string(l) + ".csv");
        write(path, table(out, h, nullptr));
        written.push_back(path.string());
    }
    return written;
}

} // namespace core::manifold
