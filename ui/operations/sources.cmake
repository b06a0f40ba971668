target_sources(uncrumple_ui PRIVATE
    operations/broadcasttab.cpp
    operations/elementwisetab.cpp
    operations/operationspage.cpp
    operations/producttab.cpp
    operations/reshapetab.cpp
    operations/reshapeview.cpp)
