#version 330 core
// Round points with a one-pixel soft edge; clamped points are rings.

in vec4 vColour;
flat in float vClamped;
flat in float vSize;

out vec4 fragColour;

void main()
{
    float r = length(gl_PointCoord * 2.0 - 1.0) * 0.5 * vSize; // device pixels from the centre
    float radius = 0.5 * vSize - 0.5;
    float coverage = clamp(radius + 0.5 - r, 0.0, 1.0);
    if (vClamped > 0.5) {
        float ring = max(0.22 * vSize, 1.2);
        coverage *= clamp(r - (radius - ring) + 0.5, 0.0, 1.0);
    }
    if (coverage <= 0.0)
        discard;
    fragColour = vec4(vColour.rgb, vColour.a * coverage);
}
