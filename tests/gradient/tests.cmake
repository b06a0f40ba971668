# The Gradient page's math (core/gradient): optimizer paths, contours, the linear classifier's
# loss surface and mini-batches, the backpropagation example.
uncrumple_add_test(test_gradientmath SOURCES gradient/test_gradientmath.cpp LIBS uncrumple_core)
