# Frame time of the Uncrumple page's 3D view with 50,000 points (run under xvfb-run for llvmpipe).
add_executable(bench_uncrumple uncrumple.cpp)
target_link_libraries(bench_uncrumple PRIVATE uncrumple_ui uncrumple_flags)
