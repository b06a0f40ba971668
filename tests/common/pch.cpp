// The translation unit that builds the page tests' precompiled header (tests/CMakeLists.txt).
