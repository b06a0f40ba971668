# The soak run: resident memory per epoch with the Train page live (run it with bench/soak).
add_executable(bench_soak soak.cpp)
target_link_libraries(bench_soak PRIVATE uncrumple_ui uncrumple_flags)
