target_sources(uncrumple_ui PRIVATE
    mnist/mnistpage.cpp)
