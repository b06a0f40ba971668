# Frame time of the Geometry page with up to 100,000 points (run under xvfb-run for llvmpipe).
add_executable(bench_render render.cpp)
target_link_libraries(bench_render PRIVATE uncrumple_ui uncrumple_flags)
