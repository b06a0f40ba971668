target_sources(uncrumple_ui PRIVATE
    common/captions.cpp
    common/codepanel.cpp
    common/fittinglabel.cpp
    common/fonts.cpp
    common/numbers.cpp
    common/palette.cpp
    common/pngfile.cpp
    common/pythonhighlighter.cpp
    common/tensorimage.cpp)
