// The one IPC channel the preload forwards calls on; main checks the contract's channel name itself,
// so the preload needs no list of channels (adding a channel never touches it).
export const API_CHANNEL = 'api:invoke';
/** The shape of a contract channel's name, checked in the preload before anything crosses. */
export const CHANNEL_NAME = /^[a-z]+:[A-Za-z]+$/;
