# Element-wise ops, broadcasting, a sum and np.dot as notebook cells (bench_ops; issue 10).
# bench/compare-ops runs it beside bench/compare-ops-numpy.py (NumPy + OpenBLAS).
add_executable(bench_ops opsbench.cpp)
target_link_libraries(bench_ops PRIVATE uncrumple_core uncrumple_flags)
