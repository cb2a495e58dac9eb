// Outcome, the scope rule and the other shared seams are used by every feature: one import for all.
global using ParTrack.Features.Shared;
