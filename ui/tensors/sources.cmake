target_sources(uncrumple_ui PRIVATE
    tensors/batchtab.cpp
    tensors/realdatatab.cpp
    tensors/tensorcelltab.cpp
    tensors/tensorspage.cpp)
