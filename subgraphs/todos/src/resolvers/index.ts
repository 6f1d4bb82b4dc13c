import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { completeTodo } from './Mutation/completeTodo';
import { createTodo } from './Mutation/createTodo';
import { deleteTodo } from './Mutation/deleteTodo';
import { moveTodo } from './Mutation/moveTodo';
import { reopenTodo } from './Mutation/reopenTodo';
import { updateTodo } from './Mutation/updateTodo';
import { todo } from './Query/todo';
import { todos } from './Query/todos';
import { organizationTodos } from './Query/organizationTodos';
import { setTodoParent } from './Mutation/setTodoParent';
import { createProject } from './Mutation/createProject';
import { updateProject } from './Mutation/updateProject';
import { deleteProject } from './Mutation/deleteProject';
import { createSection } from './Mutation/createSection';
import { renameSection } from './Mutation/renameSection';
import { deleteSection } from './Mutation/deleteSection';
import { createLabel } from './Mutation/createLabel';
import { updateLabel } from './Mutation/updateLabel';
import { deleteLabel } from './Mutation/deleteLabel';
import { addTodoComment } from './Mutation/addTodoComment';
import { deleteTodoComment } from './Mutation/deleteTodoComment';
import { shareProject } from './Mutation/shareProject';
import { unshareProject } from './Mutation/unshareProject';
import { projects } from './Query/projects';
import { project } from './Query/project';
import { labels } from './Query/labels';
import { Project } from './Project';
import { Section } from './Section';
import { ProjectMember } from './ProjectMember';
import { Label } from './Label';
import { TodoComment } from './TodoComment';
import { quickAddPreview } from './Query/quickAddPreview';
import { quickAddTodo } from './Mutation/quickAddTodo';
import { QuickAddPreview } from './QuickAddPreview';
import { addReminder } from './Mutation/addReminder';
import { deleteReminder } from './Mutation/deleteReminder';
import { reminders } from './Subscription/reminders';
import { Reminder } from './Reminder';
import { savedFilters } from './Query/savedFilters';
import { savedFilter } from './Query/savedFilter';
import { createSavedFilter } from './Mutation/createSavedFilter';
import { deleteSavedFilter } from './Mutation/deleteSavedFilter';
import { SavedFilter } from './SavedFilter';
import { Todo } from './Todo';
import { TodoConnection } from './TodoConnection';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { todo, todos, organizationTodos, projects, project, labels, quickAddPreview, savedFilters, savedFilter },
  Subscription: { reminders },
  Mutation: {
    createTodo,
    updateTodo,
    completeTodo,
    reopenTodo,
    deleteTodo,
    moveTodo,
    setTodoParent,
    quickAddTodo,
    addReminder,
    deleteReminder,
    createSavedFilter,
    deleteSavedFilter,
    createProject,
    updateProject,
    deleteProject,
    createSection,
    renameSection,
    deleteSection,
    createLabel,
    updateLabel,
    deleteLabel,
    addTodoComment,
    deleteTodoComment,
    shareProject,
    unshareProject,
  },
  Todo,
  TodoConnection,
  User,
  Project,
  Section,
  ProjectMember,
  Label,
  TodoComment,
  QuickAddPreview,
  Reminder,
  SavedFilter,
};
