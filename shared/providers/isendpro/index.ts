/** iSendPro "Push MSISDN mode mail 2 SMS" (../shared/specs/isendpro-mail2sms.txt): the pure part. */
export * from './isendpro-number';
export * from './isendpro-xml-text';
export * from './isendpro-envoi';
export * from './isendpro-batches';
export * from './isendpro-window';
export * from './isendpro-codes';
export * from './isendpro-answers';
export * from './isendpro-report';
