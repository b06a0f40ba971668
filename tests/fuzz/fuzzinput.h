#pragma once
// What every fuzz target defines (libFuzzer's entry point). The same sources build two ways: with
// clang's -fsanitize=fuzzer into a fuzzer (scripts/fuzz), and with the normal compiler into a
// replayer (replaymain.cpp) that CTest runs over the seed corpus and every crash ever found.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
