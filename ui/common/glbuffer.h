#pragma once
// Filling a GL buffer that is rewritten often (every frame, or every training update) without
// reallocating it each time: it grows with headroom and is otherwise written in place.

class QOpenGLBuffer;

namespace ui {

// Binds buffer and writes bytes of data at its start, growing it to 1.5 times the need (at least
// 4 KiB) when it is too small. capacity is the buffer's size in bytes, kept by the caller.
void uploadGrowing(QOpenGLBuffer &buffer, int &capacity, const void *data, int bytes);

} // namespace ui
