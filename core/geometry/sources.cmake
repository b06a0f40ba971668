target_sources(uncrumple_core PRIVATE
    geometry/affine2.cpp
    geometry/transform.cpp
    geometry/interpolation.cpp
    geometry/chain.cpp
    geometry/warp.cpp
    geometry/ticks.cpp
    geometry/segmentclip.cpp
    geometry/pointcloud.cpp
    geometry/numberparser.cpp)
