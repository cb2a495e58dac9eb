// Outcome and the other shared seams, as in the app (src/ParTrack/GlobalUsings.cs).
global using ParTrack.Features.Shared;
