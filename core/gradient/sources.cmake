# The Gradient page's math (section 2.4): optimizer paths, contours, the linear classifier's loss
# surface and mini-batches, the backpropagation example; the page's ready-made losses, and a
# cell's recorded GradientTape seen as a curve or a surface.
target_sources(uncrumple_core PRIVATE
    gradient/derivative.cpp
    gradient/descent.cpp
    gradient/contours.cpp
    gradient/linearclassifier.cpp
    gradient/backprop.cpp
    gradient/lossexamples.cpp
    gradient/tapefunctions.cpp)
