# The Gradient page's math (core/gradient): optimizer paths, contours, the linear classifier's
# loss surface and mini-batches, the backpropagation example.
uncrumple_add_test(test_gradientmath SOURCES gradient/test_gradientmath.cpp LIBS uncrumple_core)
# The page's ready-made curves and surfaces through the cell engine's autodiff.
uncrumple_add_test(test_lossexamples SOURCES gradient/test_lossexamples.cpp LIBS uncrumple_core)
