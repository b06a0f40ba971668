#pragma once
// The Geometry page's stand-in where OpenGL 3.3 is missing: says why and what to do, so the
// page list stays the same and nothing crashes.

#include "ui/shell/page.h"

namespace ui {

class NoGlPage : public Page {
    Q_OBJECT
public:
    NoGlPage(AppContext *context, const QString &problem, QWidget *parent = nullptr);
};

} // namespace ui
