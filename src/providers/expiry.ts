/** The message of a pending process given up because nobody finished it in time. */
export const abandonedMessage = 'The process was not completed before it expired.';
