target_sources(uncrumple_ui PRIVATE
    hidden/hiddenspacepage.cpp)
