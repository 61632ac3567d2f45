import Foundation
import FormrunnerCore

/// The words of the agents' pages (`/desk`: the queue, a ticket, the report) in English,
/// Portuguese and Spanish. The desk's refusals (who may act, which event) stay in the operators'
/// English, as on the command line.
enum DeskText: String, CaseIterable, Phrasebook {
    case desk, queue, queueFilters, allTeams, myTeams, everyones, mine, unassigned, allSLAStates, breachingOnly
    case emptyQueue, queueCaption, number, priority, status, assignee, slaDue, title
    case backToQueue, team, requester, actions, replyLabel, sendReply, noteLabel, addNote, eventLabel
    case take, unassign, assignTo, assign, priorityReason, changePriority, answers, history, emailsSent, sentTo
    case created, internalNote, assigned, unassignedEvent, priorityChanged, slaWarning, slaBreached
    case requesterActor, agentActor, systemActor
    case replySent, noteAdded, done, assignedTo, noLongerAssigned, priorityChangedTo
    case report, period, from, to, show, opened, solved, closed, reopened, slaMet, breached, pending, attainment
    case total, noTeam, noPriority, perDay, perTeam, firstResponseHours, firstResponseDistribution, tickets
    case countsCaption, reopenRate, firstResponseCaption, answered, median, percentile90, backlogCaption
    case noSurveyAnswers, satisfaction, satisfactionFigures, surveyRatings, surveyAnswers, thisMonth
    case dueIn, dueBreached, duePaused, dueAnswered

    static let table: [DeskText: (en: String, pt: String, es: String)] = [
        .desk: ("Desk", "Atendimento", "Atención"),
        .queue: ("Queue", "Fila", "Cola"),
        .queueFilters: ("Queue filters", "Filtros da fila", "Filtros de la cola"),
        .allTeams: ("All teams", "Todas as equipes", "Todos los equipos"),
        .myTeams: ("My teams", "Minhas equipes", "Mis equipos"),
        .everyones: ("Everyone's", "De todos", "De todos"),
        .mine: ("Mine", "Meus", "Míos"),
        .unassigned: ("Unassigned", "Sem responsável", "Sin asignar"),
        .allSLAStates: ("All SLA states", "Todos os estados de SLA", "Todos los estados de SLA"),
        .breachingOnly: ("Breaching only", "Só os que estouram o SLA", "Solo los que incumplen el SLA"),
        .emptyQueue: ("No tickets in this queue.", "Nenhum ticket nesta fila.", "No hay tickets en esta cola."),
        .queueCaption: ("%1 ticket(s), the nearest SLA due first", "%1 ticket(s), o prazo de SLA mais próximo primeiro",
                        "%1 ticket(s), el plazo de SLA más cercano primero"),
        .number: ("#", "#", "#"),
        .priority: ("Priority", "Prioridade", "Prioridad"),
        .status: ("Status", "Status", "Estado"),
        .assignee: ("Assignee", "Responsável", "Asignado a"),
        .slaDue: ("SLA due", "Prazo do SLA", "Plazo del SLA"),
        .title: ("Title", "Título", "Título"),
        .backToQueue: ("← Queue", "← Fila", "← Cola"),
        .team: ("Team", "Equipe", "Equipo"),
        .requester: ("Requester", "Solicitante", "Solicitante"),
        .actions: ("Actions", "Ações", "Acciones"),
        .replyLabel: ("Reply to the requester (e-mailed)", "Responder ao solicitante (por e-mail)",
                      "Responder al solicitante (por e-mail)"),
        .sendReply: ("Send reply", "Enviar resposta", "Enviar respuesta"),
        .noteLabel: ("Internal note (agents only, never e-mailed)", "Nota interna (só agentes, nunca enviada por e-mail)",
                     "Nota interna (solo agentes, nunca se envía por e-mail)"),
        .addNote: ("Add note", "Adicionar nota", "Añadir nota"),
        .eventLabel: ("%1: message to the requester (optional)", "%1: mensagem ao solicitante (opcional)",
                      "%1: mensaje al solicitante (opcional)"),
        .take: ("Take", "Assumir", "Tomar"),
        .unassign: ("Unassign", "Remover responsável", "Quitar asignación"),
        .assignTo: ("Assign to", "Atribuir a", "Asignar a"),
        .assign: ("Assign", "Atribuir", "Asignar"),
        .priorityReason: ("Reason for the change", "Motivo da mudança", "Motivo del cambio"),
        .changePriority: ("Change priority", "Mudar prioridade", "Cambiar prioridad"),
        .answers: ("Answers", "Respostas", "Respuestas"),
        .history: ("History", "Histórico", "Historial"),
        .emailsSent: ("E-mails sent", "E-mails enviados", "E-mails enviados"),
        .sentTo: ("to %1", "para %1", "a %1"),
        .created: ("Created", "Criado", "Creado"),
        .internalNote: ("Internal note", "Nota interna", "Nota interna"),
        .assigned: ("Assigned", "Atribuído", "Asignado"),
        .unassignedEvent: ("Unassigned", "Responsável removido", "Asignación quitada"),
        .priorityChanged: ("Priority changed", "Prioridade alterada", "Prioridad cambiada"),
        .slaWarning: ("SLA warning", "Alerta de SLA", "Alerta de SLA"),
        .slaBreached: ("SLA breached", "SLA estourado", "SLA incumplido"),
        .requesterActor: ("requester", "solicitante", "solicitante"),
        .agentActor: ("agent", "agente", "agente"),
        .systemActor: ("system", "sistema", "sistema"),
        .replySent: ("Your reply was sent to the requester.", "Sua resposta foi enviada ao solicitante.",
                     "Tu respuesta fue enviada al solicitante."),
        .noteAdded: ("Your internal note was added.", "Sua nota interna foi adicionada.", "Tu nota interna fue añadida."),
        .done: ("Done: %1.", "Feito: %1.", "Hecho: %1."),
        .assignedTo: ("Ticket %1 is assigned to %2.", "O ticket %1 foi atribuído a %2.", "El ticket %1 está asignado a %2."),
        .noLongerAssigned: ("Ticket %1 is no longer assigned.", "O ticket %1 não tem mais responsável.",
                            "El ticket %1 ya no está asignado."),
        .priorityChangedTo: ("Priority changed to %1.", "Prioridade alterada para %1.", "Prioridad cambiada a %1."),
        .report: ("Report", "Relatório", "Informe"),
        .period: ("%1 to %2 (exclusive, %3), %4", "%1 a %2 (fim exclusivo, %3), %4", "%1 a %2 (fin excluido, %3), %4"),
        .from: ("From", "De", "Desde"),
        .to: ("To", "Até", "Hasta"),
        .show: ("Show", "Mostrar", "Mostrar"),
        .opened: ("Opened", "Abertos", "Abiertos"),
        .solved: ("Solved", "Resolvidos", "Resueltos"),
        .closed: ("Closed", "Fechados", "Cerrados"),
        .reopened: ("Reopened", "Reabertos", "Reabiertos"),
        .slaMet: ("SLA met", "SLA cumprido", "SLA cumplido"),
        .breached: ("Breached", "Estourado", "Incumplido"),
        .pending: ("Pending", "Pendente", "Pendiente"),
        .attainment: ("Attainment", "Cumprimento", "Cumplimiento"),
        .total: ("Total", "Total", "Total"),
        .noTeam: ("(no team)", "(sem equipe)", "(sin equipo)"),
        .noPriority: ("(no priority)", "(sem prioridade)", "(sin prioridad)"),
        .perDay: ("Opened and solved per day", "Abertos e resolvidos por dia", "Abiertos y resueltos por día"),
        .perTeam: ("Opened and solved per team", "Abertos e resolvidos por equipe", "Abiertos y resueltos por equipo"),
        .firstResponseHours: ("First response (working hours)", "Primeira resposta (horas úteis)",
                              "Primera respuesta (horas hábiles)"),
        .firstResponseDistribution: ("First-response distribution", "Distribuição da primeira resposta",
                                     "Distribución de la primera respuesta"),
        .tickets: ("Tickets", "Tickets", "Tickets"),
        .countsCaption: ("Tickets per team and priority", "Tickets por equipe e prioridade", "Tickets por equipo y prioridad"),
        .reopenRate: ("Reopen rate: %1 of solved tickets were reopened.", "Taxa de reabertura: %1 dos tickets resolvidos foram reabertos.",
                      "Tasa de reapertura: %1 de los tickets resueltos se reabrieron."),
        .firstResponseCaption: ("First response, working hours", "Primeira resposta, horas úteis", "Primera respuesta, horas hábiles"),
        .answered: ("Answered", "Respondidos", "Respondidos"),
        .median: ("Median", "Mediana", "Mediana"),
        .percentile90: ("90th percentile", "Percentil 90", "Percentil 90"),
        .backlogCaption: ("Backlog by age, working days", "Pendências por idade, dias úteis", "Pendientes por antigüedad, días hábiles"),
        .noSurveyAnswers: ("Satisfaction: no survey answers in the period.", "Satisfação: nenhuma resposta à pesquisa no período.",
                           "Satisfacción: ninguna respuesta a la encuesta en el período."),
        .satisfaction: ("Satisfaction", "Satisfação", "Satisfacción"),
        .satisfactionFigures: ("%1 answers, average %2, satisfied %3.", "%1 respostas, média %2, satisfeitos %3.",
                               "%1 respuestas, promedio %2, satisfechos %3."),
        .surveyRatings: ("Survey ratings", "Notas da pesquisa", "Notas de la encuesta"),
        .surveyAnswers: ("Answers", "Respostas", "Respuestas"),
        .thisMonth: ("This month's report", "Relatório deste mês", "Informe de este mes"),
        .dueIn: ("in %1", "em %1", "en %1"),
        .dueBreached: ("breached %1 ago", "estourado há %1", "incumplido hace %1"),
        .duePaused: ("paused", "pausado", "en pausa"),
        .dueAnswered: ("answered", "respondido", "respondido"),
    ]
}

extension DeskText {
    /// A ticket's reply due instant in words of `language` (``SLADueText`` in English).
    static func due(_ state: SLADueText.State, _ language: String) -> String {
        switch state {
        case .none: return "—"
        case .paused: return duePaused.text(language)
        case .answered: return dueAnswered.text(language)
        case .dueIn(let seconds): return dueIn.text(language, SLADueText.span(seconds))
        case .breached(let seconds): return dueBreached.text(language, SLADueText.span(seconds))
        }
    }
}

extension QueueEntry {
    /// The queue line of `ticket` with its labels and due words in `language`.
    static func page(_ ticket: Ticket, catalog: Catalog, at now: Date, language: String) -> QueueEntry {
        var entry = QueueEntry(ticket, catalog: catalog, at: now, language: language)
        entry.due = DeskText.due(SLADueText.state(of: ticket, at: now), language)
        return entry
    }
}

extension DeskText {
    /// The word for who fired an event.
    static func actor(_ actor: Actor) -> DeskText {
        switch actor {
        case .requester: return .requesterActor
        case .agent: return .agentActor
        case .system: return .systemActor
        }
    }
}
