# The Train page's live overhead against `uncrumple train` (run it with bench/train-overhead).
add_executable(bench_trainpage trainpage.cpp)
target_link_libraries(bench_trainpage PRIVATE uncrumple_ui uncrumple_flags)
