#version 330 core
// A CPU-rendered image (the point cloud, see ui/geometry/cloudsplatter.h) as one quad, pixel for
// pixel: rect is where it goes, in device pixels; the texture may be larger than the image.

layout(location = 0) in vec2 corner; // (0, 0) top-left to (1, 1) bottom-right

uniform vec4 rect;         // x, y, width, height in device pixels, y down
uniform vec2 viewportSize; // device pixels
uniform vec2 textureUsed;  // the part of the texture the image fills, 0-1

out vec2 vUv;

void main()
{
    vec2 p = rect.xy + corner * rect.zw;
    vUv = corner * textureUsed;
    gl_Position = vec4(p.x / viewportSize.x * 2.0 - 1.0, 1.0 - p.y / viewportSize.y * 2.0, 0.0, 1.0);
}
