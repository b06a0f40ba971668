#version 330 core
// Filled triangles (arrow heads, the unit square): multisampling smooths their edges.

layout(location = 0) in vec2 position; // world
layout(location = 1) in vec4 colour;   // RGBA

uniform vec4 worldToPixel; // device pixel = world * xy + zw, y down
uniform vec2 viewportSize; // device pixels

out vec4 vColour;

void main()
{
    vec2 p = position * worldToPixel.xy + worldToPixel.zw;
    vColour = colour;
    gl_Position = vec4(p.x / viewportSize.x * 2.0 - 1.0, 1.0 - p.y / viewportSize.y * 2.0, 0.0, 1.0);
}
