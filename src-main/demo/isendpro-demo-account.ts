/** The demo iSendPro account's addresses (a reserved .localhost domain: nothing ever leaves the computer). */
export const demoIsendproFrom = 'demo@dropdesk.localhost';
export const demoIsendproAnswerAddress = 'reponses@dropdesk.localhost';
