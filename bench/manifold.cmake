# The Uncrumple page's training epoch and layer math (bench_manifold; README, "Uncrumple").
add_executable(bench_manifold manifoldbench.cpp)
target_link_libraries(bench_manifold PRIVATE uncrumple_core uncrumple_flags)
