target_sources(uncrumple_ui PRIVATE
    common/captions.cpp
    common/codepanel.cpp
    common/fittinglabel.cpp
    common/fonts.cpp
    common/glbuffer.cpp
    common/glcheck.cpp
    common/glprogram.cpp
    common/glsurface.cpp
    common/messagetext.cpp
    common/noglpage.cpp
    common/numbers.cpp
    common/palette.cpp
    common/playbar.cpp
    common/playhead.cpp
    common/pngfile.cpp
    common/pythonhighlighter.cpp
    common/tensorimage.cpp)
