#version 330 core
// Filled triangles (arrow heads, the unit square), anti-aliased without multisampling: each corner
// carries its distance to the opposite side (see ui/geometry/drawlist.h), which interpolates to a
// fragment's distance to the nearest side of the outline.

layout(location = 0) in vec2 position; // world
layout(location = 1) in vec4 colour;   // RGBA
layout(location = 2) in vec3 edge;     // logical pixels to the sides opposite each corner

uniform vec4 worldToPixel; // device pixel = world * xy + zw, y down
uniform vec2 viewportSize; // device pixels

out vec4 vColour;
out vec3 vEdge;

void main()
{
    vec2 p = position * worldToPixel.xy + worldToPixel.zw;
    vColour = colour;
    vEdge = edge;
    gl_Position = vec4(p.x / viewportSize.x * 2.0 - 1.0, 1.0 - p.y / viewportSize.y * 2.0, 0.0, 1.0);
}
