#version 330 core

in vec4 vColour;
in float vFog;

uniform vec3 fogColour;
uniform float fogStrength;
uniform float opacity; // the whole draw's, times each vertex's alpha

out vec4 fragColour;

void main()
{
    vec3 c = mix(vColour.rgb, fogColour, vFog * fogStrength);
    fragColour = vec4(c, vColour.a * opacity);
}
