target_sources(uncrumple_core PRIVATE
    tensor/shape.cpp
    tensor/tensor.cpp
    tensor/indexing.cpp
    tensor/expression.cpp
    tensor/expressionparser.cpp
    tensor/format.cpp)
