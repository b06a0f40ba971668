#pragma once
// A whole file as bytes, for tests that feed the data loaders what they would read from disk.
// A file that cannot be read ends the test run: the fixtures are part of the source tree.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstddef>
#include <vector>

inline std::vector<std::byte> readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QByteArray a = f.readAll();
    const auto *p = reinterpret_cast<const std::byte *>(a.constData());
    return {p, p + a.size()};
}
