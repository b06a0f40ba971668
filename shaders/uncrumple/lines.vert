#version 330 core
// Axes and ticks, the lattice's shaded cells and the separating plane: positions in the scene
// with a colour each, fogged with depth as the points are.

layout(location = 0) in vec3 position;
layout(location = 1) in vec4 colour;

uniform mat4 viewMatrix;
uniform mat4 projectionMatrix;
uniform vec2 fogRange;

out vec4 vColour;
out float vFog;

void main()
{
    vec4 eye = viewMatrix * vec4(position, 1.0);
    gl_Position = projectionMatrix * eye;
    vColour = colour;
    vFog = clamp((-eye.z - fogRange.x) / max(fogRange.y - fogRange.x, 1e-4), 0.0, 1.0);
}
