#version 330 core
// Fades the last device pixel inside each outline side.

in vec4 vColour;
in vec3 vEdge;

uniform float devicePixelRatio;

out vec4 fragColour;

void main()
{
    float inside = min(min(vEdge.x, vEdge.y), vEdge.z) * devicePixelRatio;
    float coverage = clamp(inside + 0.25, 0.0, 1.0);
    if (coverage <= 0.0)
        discard;
    fragColour = vec4(vColour.rgb, vColour.a * coverage);
}
