#include "ui/common/glbuffer.h"

#include <QOpenGLBuffer>
#include <algorithm>

namespace ui {

void uploadGrowing(QOpenGLBuffer &buffer, int &capacity, const void *data, int bytes)
{
    buffer.bind();
    if (bytes > capacity) {
        capacity = std::max(bytes + bytes / 2, 4096);
        buffer.allocate(capacity);
    }
    if (bytes > 0) buffer.write(0, data, bytes);
}

} // namespace ui
