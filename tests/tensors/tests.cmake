# The Tensors page (section 2.2): the drawing's geometry, then the page under xvfb-run.
uncrumple_add_test(ui_tensor_layout SOURCES tensors/tst_tensorlayout.cpp LIBS uncrumple_ui)
uncrumple_add_test(ui_tensors_page SOURCES tensors/tst_tensorspage.cpp LIBS uncrumple_ui)
