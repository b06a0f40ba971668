#include "core/data/datashapes.h"

#include <cmath>
#include <cstdio>

namespace core {

const std::vector<DataShape> &bookDataShapes()
{
    static const std::vector<DataShape> shapes = {
        {"Vector data",
         "100,000 people, each described by age, gender and income",
         {100000, 3},
         {"samples", "features"},
         {"one row per person", "age, gender, income"}},
        {"Vector data",
         "500 text documents, each as the counts of 20,000 common words",
         {500, 20000},
         {"samples", "features"},
         {"one row per document", "how often each dictionary word occurs"}},
        {"Timeseries",
         "250 days of a stock's price: current, highest and lowest, every minute of the 390 of a "
         "trading day (Figure 2.3)",
         {250, 390, 3},
         {"samples", "timesteps", "features"},
         {"one sample per day", "the minutes of a trading day, in order", "current, high, low"}},
        {"Timeseries",
         "1,000,000 tweets, each 280 characters one-hot encoded over an alphabet of 128",
         {1000000, 280, 128},
         {"samples", "timesteps", "features"},
         {"one sample per tweet", "the characters, in order", "one-hot: which of 128 characters"}},
        {"Images, channels-last",
         "128 colour images of 256 x 256 pixels, as TensorFlow stores them (Figure 2.4)",
         {128, 256, 256, 3},
         {"samples", "height", "width", "channels"},
         {"one sample per image", "pixel rows", "pixel columns", "red, green, blue"}},
        {"Images, channels-first",
         "the same batch with the colour axis first, as Theano stored it",
         {128, 3, 256, 256},
         {"samples", "channels", "height", "width"},
         {"one sample per image", "red, green, blue", "pixel rows", "pixel columns"}},
        {"Video",
         "4 YouTube clips of 60 s, 144 x 256 pixels, sampled at 4 frames a second",
         {4, 240, 144, 256, 3},
         {"samples", "frames", "height", "width", "channels"},
         {"one sample per clip", "240 frames: 60 s at 4 a second", "pixel rows", "pixel columns",
          "red, green, blue"}},
    };
    return shapes;
}

std::optional<std::int64_t> footprintBytes(const std::vector<std::int64_t> &shape, DType dtype)
{
    std::int64_t bytes = static_cast<std::int64_t>(dtypeSize(dtype));
    for (const std::int64_t n : shape) {
        if (n < 0) return std::nullopt;
        if (__builtin_mul_overflow(bytes, n, &bytes)) return std::nullopt;
    }
    return bytes;
}

std::string binaryBytes(std::int64_t bytes)
{
    static const char *const units[] = {"KB", "MB", "GB", "TB", "PB", "EB"};
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double value = static_cast<double>(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    // Three significant digits, as the book rounds: 405 MB, 13.5 GB, 1.95 KB.
    char text[32];
    const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    std::snprintf(text, sizeof text, "%.*f %s", decimals, value, units[unit]);
    return text;
}

} // namespace core
