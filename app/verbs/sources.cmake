# The network verbs: train, evaluate, predict.
target_sources(uncrumple PRIVATE
    verbs/trainverb.cpp
    verbs/evaluateverb.cpp
    verbs/predictverb.cpp
    verbs/nnsupport.cpp
    verbs/manifoldverb.cpp)
