uncrumple_add_test(test_tensor SOURCES core/test_tensor.cpp LIBS uncrumple_core)
uncrumple_add_test(test_indexing SOURCES core/test_indexing.cpp core/slicegolden.h LIBS uncrumple_core)
uncrumple_add_test(test_expression SOURCES core/test_expression.cpp LIBS uncrumple_core)
uncrumple_add_test(test_format SOURCES core/test_format.cpp LIBS uncrumple_core)
uncrumple_add_test(test_idx SOURCES core/test_idx.cpp LIBS uncrumple_core ZLIB::ZLIB)
uncrumple_add_test(test_mnist SOURCES core/test_mnist.cpp LIBS uncrumple_core)
target_compile_definitions(test_mnist PRIVATE
    UNCRUMPLE_SAMPLE_DIR="${PROJECT_SOURCE_DIR}/resources/mnist")

# The engine must stay free of Qt: no core source may include a Qt header.
add_test(NAME core_has_no_qt
    COMMAND sh -c "! grep -rnE '#include <Q|#include \"Q' core/"
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
