target_sources(uncrumple_core PRIVATE
    data/bytereader.cpp
    data/datashapes.cpp
    data/drawndigit.cpp
    data/idx.cpp
    data/mnist.cpp
    data/regularfile.cpp)
